package org.apigate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Payara data grid (Hazelcast cluster) of Payara Micro instances on this machine that never leaves loopback:
 * TCP/IP discovery of a fixed member list on 127.0.0.1 (never the default multicast, which joined over the external
 * address here), Hazelcast bound to 127.0.0.1 only, and a cluster name of its own, so it never joins another run's
 * instances. Each member gets a free port of its own for the grid. Give it to
 * {@link PayaraMicro.Builder#dataGridMember(LoopbackDataGrid, int)}; instances without one stay --nocluster.
 */
public final class LoopbackDataGrid {

    private final String name;
    private final List<Integer> memberPorts;

    private LoopbackDataGrid(String name, List<Integer> memberPorts) {
        this.name = name;
        this.memberPorts = List.copyOf(memberPorts);
    }

    /** A grid of {@code members} members with a unique name that starts with {@code prefix}. */
    public static LoopbackDataGrid of(String prefix, int members) {
        List<Integer> ports = new ArrayList<>();
        IntStream.range(0, members).forEach(i -> ports.add(PayaraMicro.freePort()));
        return new LoopbackDataGrid(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), ports);
    }

    public String name() {
        return name;
    }

    public int size() {
        return memberPorts.size();
    }

    public int memberPort(int member) {
        if (member < 0 || member >= memberPorts.size()) {
            throw new IllegalArgumentException("Member " + member + " of a grid of " + memberPorts.size());
        }
        return memberPorts.get(member);
    }

    /**
     * Payara Micro's line for a member once it sees {@code members} members in this grid, e.g.
     * "Payara Data Grid State: DG Version: 2 DG Name: apigate-1a2b3c4d DG Size: 2".
     */
    public String stateLine(int members) {
        return "DG Name: " + name + " DG Size: " + members;
    }

    List<String> memberOptions(int member, String instanceName) {
        String members = memberPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        return List.of(
                "--clusterMode", "tcpip:" + members,
                "--interfaces", "127.0.0.1",
                "--clusterName", name,
                "--startPort", String.valueOf(memberPort(member)),
                "--name", instanceName,
                // Host-aware partitioning (Payara's default) keeps no backup on a member with the same IP address:
                // on one machine that means no backups at all, and a killed member's counters would be lost.
                "--nohostaware");
    }
}
