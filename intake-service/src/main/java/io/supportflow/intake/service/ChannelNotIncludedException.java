package io.supportflow.intake.service;

import java.util.List;

import io.supportflow.events.Channel;
import io.supportflow.events.Plan;

/** A new ticket refused because its account's plan does not include the channel it came through. */
public class ChannelNotIncludedException extends RuntimeException {

    public ChannelNotIncludedException(Plan plan, Channel channel, List<Channel> included) {
        super("The account's " + plan + " plan includes " + included + ", not " + channel);
    }
}
