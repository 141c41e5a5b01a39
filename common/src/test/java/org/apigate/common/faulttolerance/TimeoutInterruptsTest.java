package org.apigate.common.faulttolerance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

class TimeoutInterruptsTest {

    @Test
    void dropsTheInterruptATimeoutLeftOnTheThread() {
        Thread.currentThread().interrupt();

        TimeoutInterrupts.clearAfterFailedCall();

        assertFalse(Thread.currentThread().isInterrupted());
    }
}
