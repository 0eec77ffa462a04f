package io.supportflow.sla.rest;

import io.smallrye.mutiny.Multi;
import io.supportflow.sla.messaging.FeedItem;
import io.supportflow.sla.messaging.SlaFeed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** Server-Sent Events: each SLA event named by its CloudEvents type, with its id, as it happens. */
@Path("/api/v1/sla/stream")
@RolesAllowed("ops")
public class SlaStreamResource {

    private final SlaFeed feed;

    SlaStreamResource(SlaFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return feed.live().map(item -> sse.newEventBuilder()
                .id(item.id())
                .name(item.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(FeedItem.class, item)
                .build());
    }
}
