package io.supportflow.runtime.policy;

/** No version of the SLA policy has been read yet: sla-service publishes the first at its first start. */
public class PolicyNotYetKnownException extends RuntimeException {

    public PolicyNotYetKnownException() {
        super("No SLA policy has been read from sla.policies yet");
    }
}
