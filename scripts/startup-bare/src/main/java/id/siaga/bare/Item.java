package id.siaga.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** One row of the bare app's only table. */
@Entity
public class Item extends PanacheEntity {
    public String name;
}
