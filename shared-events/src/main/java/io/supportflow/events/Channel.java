package io.supportflow.events;

/** The ways a customer can reach support; each channel adapter is bound to one. */
public enum Channel {
    WEB, CHAT, PHONE
}
