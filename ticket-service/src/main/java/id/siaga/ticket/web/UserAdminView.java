package id.siaga.ticket.web;

import java.util.List;

/**
 * The administrator's pages about people: the list, and one person's account.
 *
 * @param users  every account, by user name
 * @param form   what was typed into the form shown (create on the list, edit on one account)
 * @param errors what is wrong with it
 * @param roles  the role choices, ticked as in the form
 * @param user   the account shown, or null on the list
 */
public record UserAdminView(List<Row> users, UserForm form, FormErrors errors, List<Option> roles, Row user) {

    /** One account. */
    public record Row(long id, String username, String fullName, String email, String roles, boolean active,
            String state) {
    }
}
