package ai.archbuilder.support.customer;

import java.time.Instant;

public record Customer(
    long id, String email, String name, String organisation, Plan plan, boolean vip, Instant createdAt) {}
