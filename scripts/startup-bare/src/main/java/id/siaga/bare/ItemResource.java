package id.siaga.bare;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The bare app's JSON API: list, create and read items. */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    /** An item as the API shows it. */
    public record ItemView(Long id, String name) {
    }

    @GET
    public List<ItemView> list() {
        return Item.<Item>findAll().page(0, 50).list().stream().map(i -> new ItemView(i.id, i.name)).toList();
    }

    @POST
    @Transactional
    public ItemView create(ItemView request) {
        Item item = new Item();
        item.name = request.name();
        item.persist();
        return new ItemView(item.id, item.name);
    }

    @GET
    @Path("{id}")
    public ItemView read(@PathParam("id") long id) {
        Item item = Item.findById(id);
        if (item == null) {
            throw new NotFoundException();
        }
        return new ItemView(item.id, item.name);
    }
}
