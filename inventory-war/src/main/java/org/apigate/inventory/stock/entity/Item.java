package org.apigate.inventory.stock.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One SKU's stock. {@code available} is free, {@code reserved} is held by reservations. The two bulk updates move
 * stock atomically in the database: a hold succeeds only while enough is available at the moment the row is
 * locked, so concurrent holds can never oversell (the schema's CHECK backs this up).
 */
@Entity
@Table(name = "items")
@NamedQuery(name = Item.ALL, query = "SELECT i FROM Item i ORDER BY i.sku")
@NamedQuery(name = Item.COUNT, query = "SELECT COUNT(i) FROM Item i")
@NamedQuery(name = Item.BY_SKUS, query = "SELECT i FROM Item i WHERE i.sku IN :skus ORDER BY i.sku")
@NamedQuery(name = Item.HOLD, query = "UPDATE Item i SET i.available = i.available - :quantity,"
        + " i.reserved = i.reserved + :quantity WHERE i.sku = :sku AND i.available >= :quantity")
@NamedQuery(name = Item.GIVE_BACK, query = "UPDATE Item i SET i.available = i.available + :quantity,"
        + " i.reserved = i.reserved - :quantity WHERE i.sku = :sku AND i.reserved >= :quantity")
public class Item {

    public static final String ALL = "Item.all";
    public static final String COUNT = "Item.count";
    public static final String BY_SKUS = "Item.bySkus";
    public static final String HOLD = "Item.hold";
    public static final String GIVE_BACK = "Item.giveBack";

    @Id
    private String sku;
    private String name;
    private long available;
    private long reserved;

    protected Item() {
        // for JPA
    }

    public Item(String sku, ItemForm form) {
        this.sku = sku;
        set(form);
    }

    /** Sets the name and the free stock; what reservations hold stays as it is. */
    public final void set(ItemForm form) {
        this.name = form.name();
        this.available = form.available();
    }

    public ItemView view() {
        return new ItemView(sku, name, available, reserved);
    }
}
