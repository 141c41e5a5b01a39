/** Helpers for tests that talk to real Payara Micro instances over HTTP. Test scope only. */
package org.apigate.testing;
