package org.apigate.inventory.reservation.control;

import jakarta.json.JsonObject;
import org.apigate.common.problem.ProblemException;
import org.apigate.inventory.reservation.entity.Line;
import org.apigate.inventory.reservation.entity.ReservationForm;
import org.apigate.inventory.reservation.entity.ReservationStatus;
import org.apigate.inventory.reservation.entity.ReservationView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutcomesTest {

    static final List<Line> LINES = List.of(new Line("A", 1), new Line("B", 2));
    static final ReservationForm REQUEST = new ReservationForm("r-1", List.of(new Line("B", 2), new Line("A", 1)));
    static final ReservationForm OTHER_LINES = new ReservationForm("r-1", List.of(new Line("A", 1)));

    static ReservationView stored(ReservationStatus status, List<Line> lines, List<String> shortSkus) {
        return new ReservationView("r-1", status, lines, Instant.now(), shortSkus);
    }

    static JsonObject refusal(ReservationView stored, ReservationForm request) {
        return assertThrows(ProblemException.class, () -> Outcomes.answer(stored, request)).problem().toJson(null);
    }

    @Test
    void answersAReservedReservationWithItselfForTheSameLinesInAnyOrder() {
        ReservationView reserved = stored(ReservationStatus.RESERVED, LINES, null);

        assertSame(reserved, Outcomes.answer(reserved, REQUEST));
    }

    @Test
    void answersARejectedReservationWithTheSameOutOfStockProblem() {
        JsonObject problem = refusal(stored(ReservationStatus.REJECTED, LINES, List.of("B")), REQUEST);

        assertEquals(409, problem.getInt("status"));
        assertEquals("https://apigate.org/problems/out-of-stock", problem.getString("type"));
        assertEquals("[\"B\"]", problem.getJsonArray("shortSkus").toString());
    }

    @Test
    void refusesAReleasedReservationWhateverItsLines() {
        for (ReservationView released : List.of(stored(ReservationStatus.RELEASED, LINES, null),
                stored(ReservationStatus.RELEASED, List.of(), null))) {
            JsonObject problem = refusal(released, REQUEST);

            assertEquals(409, problem.getInt("status"));
            assertEquals("https://apigate.org/problems/reservation-released", problem.getString("type"));
        }
    }

    @Test
    void refusesAnIdReusedWithOtherLines() {
        for (ReservationStatus status : List.of(ReservationStatus.RESERVED, ReservationStatus.REJECTED)) {
            JsonObject problem = refusal(stored(status, LINES, List.of("B")), OTHER_LINES);

            assertEquals(422, problem.getInt("status"));
            assertEquals("https://apigate.org/problems/reservation-id-reused", problem.getString("type"));
        }
    }
}
