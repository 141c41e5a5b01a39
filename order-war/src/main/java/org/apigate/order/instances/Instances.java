package org.apigate.order.instances;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service, each with its client, taken in turn: every call starts at the next instance
 * (round-robin) and may go on to the others, in order, when it fails over.
 *
 * @param <C> the client type, e.g. a MicroProfile Rest Client interface
 */
public final class Instances<C> {

    /** One instance: its base URL and the client that calls it. */
    public record Instance<C>(URI url, C client) {
    }

    private final String service;
    private final List<Instance<C>> all;
    private final AtomicInteger next = new AtomicInteger();

    public Instances(String service, List<Instance<C>> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("No instance of " + service);
        }
        this.service = service;
        this.all = List.copyOf(all);
    }

    public String service() {
        return service;
    }

    public List<URI> urls() {
        return all.stream().map(Instance::url).toList();
    }

    /** Every instance, once, beginning with the next one in turn. */
    public List<Instance<C>> inTurn() {
        int first = Math.floorMod(next.getAndIncrement(), all.size());
        List<Instance<C>> order = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            order.add(all.get((first + i) % all.size()));
        }
        return order;
    }
}
