/**
 * Synchronous pre-trade risk on the hot thread: {@link corezero.risk.RiskGate} checks every order intent against
 * the {@link corezero.risk.TradingState}, the {@link corezero.risk.RiskLimits} (order size and notional, worst-case
 * position, price collar against the book, open orders) and an order-rate token bucket, before the order is
 * encoded. Positions and open orders come from the order layer through {@link corezero.risk.ExposureView}.
 * Allocation-free, exception-free and single-threaded (the hot thread); outcomes are
 * {@link corezero.risk.RiskResult} codes, every rejection counted by reason.
 */
package corezero.risk;
