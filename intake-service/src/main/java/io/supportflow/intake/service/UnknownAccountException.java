package io.supportflow.intake.service;

import io.supportflow.events.Channel;

/** A new ticket refused because the directory does not know its account and its channel takes no unknown ones. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String accountId, Channel channel) {
        super("The account '" + accountId + "' is not in the account directory, and " + channel
                + " tickets are taken for known accounts only");
    }
}
