package ai.archbuilder.support.customer;

import ai.archbuilder.support.system.Now;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import ai.archbuilder.support.system.TransactionCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The customer table. E-mail addresses are stored and looked up in lower case. */
@Repository
public class CustomerStore {

  private final JdbcClient jdbc;
  private final TransactionCache<Long, Customer> rows = new TransactionCache<>("customer");

  CustomerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Customer> findByEmail(String email) {
    return jdbc.sql("SELECT * FROM customer WHERE email = ?")
        .param(normalize(email))
        .query(CustomerStore::map)
        .optional();
  }

  /** The customer; read once per transaction (an update here evicts it). */
  public Optional<Customer> findById(long id) {
    return rows.get(id, () -> jdbc.sql("SELECT * FROM customer WHERE id = ?").param(id).query(CustomerStore::map).optional());
  }

  public Customer insert(String email, String name, String organisation, Plan plan, boolean vip) {
    var keys = new GeneratedKeyHolder();
    var now = OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC);
    jdbc.sql("INSERT INTO customer (email, name, organisation, plan, vip, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(normalize(email), name, organisation, plan.name(), vip, now)
        .update(keys, "id");
    return findById(keys.getKey().longValue()).orElseThrow();
  }

  public Customer update(long id, String name, String organisation, Plan plan, boolean vip) {
    jdbc.sql("UPDATE customer SET name = ?, organisation = ?, plan = ?, vip = ? WHERE id = ?")
        .params(name, organisation, plan.name(), vip, id)
        .update();
    rows.evict(id);
    return findById(id).orElseThrow();
  }

  static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static Customer map(ResultSet rs, int row) throws SQLException {
    return new Customer(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("name"),
        rs.getString("organisation"),
        Plan.valueOf(rs.getString("plan")),
        rs.getBoolean("vip"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
