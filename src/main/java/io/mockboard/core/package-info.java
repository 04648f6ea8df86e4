/**
 * The few plain values every package may use and that belong to none of them: the {@link
 * io.mockboard.core.DomainException} services raise, id parsing, and the same-origin rule. Depends on nothing
 * else in Mockboard.
 */
package io.mockboard.core;
