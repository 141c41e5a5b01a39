package org.apigate.inventory.reservation.control;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.inventory.reservation.entity.ReservationForm;
import org.apigate.inventory.reservation.entity.ReservationStatus;
import org.apigate.inventory.reservation.entity.ReservationView;

/** What a reservation request is answered, given the reservation stored under its id. */
final class Outcomes {

    static final int UNPROCESSABLE = 422;

    private Outcomes() {
    }

    /**
     * The stored reservation when it is RESERVED with the requested lines (the first answer or a repeat alike);
     * otherwise the refusal, as a problem.
     */
    static ReservationView answer(ReservationView stored, ReservationForm request) {
        if (stored.status() == ReservationStatus.RELEASED) {
            throw new ProblemException(Problem.typed(Response.Status.CONFLICT.getStatusCode(),
                    "reservation-released", "Reservation released", "Reservation " + stored.id()
                            + " was released; it holds nothing and cannot be made again. Use a new id."));
        }
        if (!request.hasLines(stored.lines())) {
            throw new ProblemException(Problem.typed(UNPROCESSABLE, "reservation-id-reused",
                    "Reservation id reused", "Reservation " + stored.id()
                            + " was requested with other lines; use a new id for a new reservation."));
        }
        if (stored.status() == ReservationStatus.REJECTED) {
            throw new ProblemException(Problem.typed(Response.Status.CONFLICT.getStatusCode(), "out-of-stock",
                    "Out of stock", "Not enough stock for " + String.join(", ", stored.shortSkus())
                            + "; nothing was reserved.")
                    .with("shortSkus", Json.createArrayBuilder(stored.shortSkus()).build()));
        }
        return stored;
    }
}
