package org.apigate.inventory.stock.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.apigate.common.persistence.Constraints;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.inventory.stock.entity.Item;
import org.apigate.inventory.stock.entity.ItemForm;
import org.apigate.inventory.stock.entity.ItemView;

import java.util.List;

/** Creates, sets and reads items, one transaction per call. */
@Stateless
public class Stock {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    /**
     * Creates the item or sets its name and free stock. The row is locked while it is set, so the returned view
     * is what was committed, not mixed with a reservation that landed in between.
     */
    public StockUpdate put(String sku, ItemForm form) {
        Item item = em.find(Item.class, sku, LockModeType.PESSIMISTIC_WRITE);
        if (item != null) {
            item.set(form);
            return new StockUpdate(item.view(), false);
        }
        item = new Item(sku, form);
        em.persist(item);
        flushNew(sku);
        return new StockUpdate(item.view(), true);
    }

    public ItemView find(String sku) {
        Item item = em.find(Item.class, sku);
        if (item == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No item with sku " + sku + "."));
        }
        return item.view();
    }

    /** The items among {@code skus} that exist, by sku; unknown ones are simply absent. */
    public List<ItemView> find(List<String> skus) {
        return em.createNamedQuery(Item.BY_SKUS, Item.class).setParameter("skus", skus)
                .getResultStream().map(Item::view).toList();
    }

    public List<ItemView> list(int limit, int offset) {
        return em.createNamedQuery(Item.ALL, Item.class).setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(Item::view).toList();
    }

    public long count() {
        return em.createNamedQuery(Item.COUNT, Long.class).getSingleResult();
    }

    /**
     * Two PUTs creating one SKU at the same moment: the database lets one insert win, the other gets a 409 that it
     * can simply repeat (PUT is idempotent; the repeat finds the item and sets it).
     */
    private void flushNew(String sku) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            throw new ProblemException(Problem.of(Response.Status.CONFLICT,
                    "Item " + sku + " was created by a concurrent request; repeat the PUT to set it."));
        }
    }
}
