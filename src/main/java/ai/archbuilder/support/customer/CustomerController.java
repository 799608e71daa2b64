package ai.archbuilder.support.customer;

import ai.archbuilder.support.system.ApiException;
import ai.archbuilder.support.system.CurrentUser;
import ai.archbuilder.support.system.CurrentUsers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customers: managers and admins only. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

  record CustomerBody(
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String organisation,
      @NotNull Plan plan,
      Boolean vip) {}

  private final CustomerStore customers;
  private final CurrentUsers users;

  CustomerController(CustomerStore customers, CurrentUsers users) {
    this.customers = customers;
    this.users = users;
  }

  private void requireManager() {
    var u = users.current();
    if (!u.in(CurrentUser.MANAGERS) && !u.in(CurrentUser.ADMINS)) {
      throw ApiException.forbidden("Customers are managed by support managers and admins");
    }
  }

  /** Creates the customer, or updates her plan, name and VIP flag if the e-mail is known. */
  @PostMapping
  @Transactional
  ResponseEntity<Customer> save(@Valid @RequestBody CustomerBody body) {
    requireManager();
    var vip = Boolean.TRUE.equals(body.vip());
    var existing = customers.findByEmail(body.email());
    var saved =
        existing.isPresent()
            ? customers.update(existing.get().id(), body.name(), body.organisation(), body.plan(), vip)
            : customers.insert(body.email(), body.name(), body.organisation(), body.plan(), vip);
    var uri = URI.create("/api/customers/" + saved.email());
    return existing.isPresent() ? ResponseEntity.ok().location(uri).body(saved) : ResponseEntity.created(uri).body(saved);
  }

  @GetMapping("/{email}")
  Customer get(@PathVariable String email) {
    requireManager();
    return customers.findByEmail(email).orElseThrow(() -> ApiException.notFound("No customer " + email));
  }
}
