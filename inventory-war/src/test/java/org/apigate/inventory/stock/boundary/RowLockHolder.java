package org.apigate.inventory.stock.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.apigate.inventory.stock.entity.Item;

import java.util.concurrent.locks.LockSupport;

/**
 * Test-only resource added to the packaged WAR by {@link DatabaseBusyIT}: holds an item's row lock in a
 * transaction for a while, as a long transaction of another instance would.
 */
@Stateless
@Path("test/row-lock")
public class RowLockHolder {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @POST
    @Path("{sku}")
    public void hold(@PathParam("sku") String sku, @QueryParam("ms") long ms) {
        em.find(Item.class, sku, LockModeType.PESSIMISTIC_WRITE);
        LockSupport.parkNanos(ms * 1_000_000L);
    }
}
