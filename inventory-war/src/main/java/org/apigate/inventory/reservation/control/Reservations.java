package org.apigate.inventory.reservation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.inventory.reservation.entity.ReservationForm;
import org.apigate.inventory.reservation.entity.ReservationView;

import java.util.List;

/**
 * Reserves, reads and releases by id. Deliberately outside any transaction: when an insert loses the race for an
 * id, its transaction is spoilt, and the next step (reading or releasing the winner's reservation) needs a fresh
 * one from {@link ReservationLedger}.
 */
@ApplicationScoped
public class Reservations {

    @Inject
    ReservationLedger ledger;

    /** The reservation, RESERVED, for this and every repeat of the request; otherwise a problem saying why not. */
    public ReservationView reserve(ReservationForm request) {
        ReservationView stored = ledger.find(request.id()).orElseGet(() -> reserveNew(request));
        return Outcomes.answer(stored, request);
    }

    public ReservationView find(String id) {
        return ledger.find(id).orElseThrow(() -> new ProblemException(
                Problem.of(Response.Status.NOT_FOUND, "No reservation with id " + id + ".")));
    }

    public List<ReservationView> list(String sku, int limit, int offset) {
        return ledger.list(sku, limit, offset);
    }

    public long count(String sku) {
        return ledger.count(sku);
    }

    /** Idempotent; also for ids never seen, which are then refused for good. */
    public void release(String id) {
        try {
            ledger.release(id);
        } catch (ReservationIdTaken raced) {
            // a reservation with this id committed while the tombstone waited for it: release that one
            ledger.release(id);
        }
    }

    private ReservationView reserveNew(ReservationForm request) {
        try {
            return ledger.reserve(request);
        } catch (ReservationIdTaken raced) {
            // the insert waited for the winner's commit, so the winner's outcome is there to read
            return ledger.find(request.id()).orElseThrow(() -> new IllegalStateException(
                    "Reservation " + request.id() + " was taken but cannot be read"));
        }
    }
}
