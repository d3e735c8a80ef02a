package com.example.orders.ejb;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The shop's orders, for callers in the right role: a buyer reads their own orders, an auditor
 * reads all. The caller is whoever the web tier authenticated (here through Sigil), as the EJB
 * container sees it. Stateless and thread-safe.
 */
@Stateless
@DeclareRoles({OrderDesk.BUYER, OrderDesk.AUDITOR})
public class OrderDesk {

    /** The role (group) of a customer. */
    public static final String BUYER = "buyer";
    /** The role (group) that may read every order. */
    public static final String AUDITOR = "auditor";

    @Resource
    SessionContext context;

    @Resource(lookup = OrdersDatabase.DATA_SOURCE)
    DataSource dataSource;

    /**
     * @return the caller's own orders
     * @throws EJBException if the database cannot be read
     */
    @RolesAllowed(BUYER)
    public Orders mine() {
        String caller = context.getCallerPrincipal().getName();
        return new Orders(caller, items("select item from shop_order where owner = ? order by id", caller));
    }

    /**
     * @return every order
     * @throws EJBException if the database cannot be read
     */
    @RolesAllowed(AUDITOR)
    public Orders all() {
        return new Orders(context.getCallerPrincipal().getName(), items("select item from shop_order order by id"));
    }

    private List<String> items(String query, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> items = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(rows.getString(1));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new EJBException("cannot read the orders", e);
        }
    }

    /**
     * What the desk answers.
     *
     * @param readBy the caller name as the EJB container saw it
     * @param items  the orders' items
     */
    public record Orders(String readBy, List<String> items) {

        /** Copies the list. */
        public Orders {
            items = List.copyOf(items);
        }
    }
}
