package org.apigate.inventory.stock.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apigate.inventory.stock.entity.Item;

/**
 * Moves stock between free and held, inside the caller's transaction (a reservation's). Each move is one
 * conditional UPDATE, decided by the database on the locked row, never read in Java and written back: concurrent
 * holds queue on the row and each sees what the previous one left. Callers that move several SKUs must do so in
 * one order (by sku), so that two transactions never wait for each other's rows.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StockLedger {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    /** Takes {@code quantity} from the free stock of {@code sku} into held; false if the SKU is unknown or short. */
    public boolean hold(String sku, int quantity) {
        return move(Item.HOLD, sku, quantity) == 1;
    }

    /** Returns held stock to free stock; the hold it undoes must exist. */
    public void giveBack(String sku, int quantity) {
        if (move(Item.GIVE_BACK, sku, quantity) != 1) {
            throw new IllegalStateException(quantity + " of " + sku + " is not held; nothing was given back");
        }
    }

    private int move(String update, String sku, int quantity) {
        return em.createNamedQuery(update).setParameter("sku", sku).setParameter("quantity", (long) quantity)
                .executeUpdate();
    }
}
