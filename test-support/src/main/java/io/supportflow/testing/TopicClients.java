package io.supportflow.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens a test class's topic clients on the shared broker before each test and closes them after it
 * ({@code @ExtendWith(TopicClients.class)}): every {@link TopicWriter} field gets a writer, every
 * {@link TopicReader} field a reader of the topics its {@link Reads} names, from the moment the test
 * begins. Fields of superclasses count too. They are open before the class's own {@code @BeforeEach}
 * methods run and stay open through its {@code @AfterEach} methods.
 *
 * <p>Safe in a {@code @QuarkusTest} since Quarkus 3.22: the test class, this extension and the clients
 * come from the application's class loader, and JUnit's test instance is the one Quarkus runs.
 */
public final class TopicClients implements BeforeEachCallback, AfterEachCallback {

    /** The topics a {@link TopicReader} field reads, from their end when the test begins. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Reads {
        String[] value();
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TopicClients.class);
    private static final String OPENED = "opened";

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        context.getStore(NAMESPACE).put(OPENED, opened);
        Object test = context.getRequiredTestInstance();
        String bootstrap = SharedInfrastructure.broker().bootstrapServers();
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                AutoCloseable client = open(field, bootstrap);
                if (client != null) {
                    opened.push(client);
                    field.setAccessible(true);
                    field.set(test, client);
                }
            }
        }
    }

    private static AutoCloseable open(Field field, String bootstrap) {
        if (field.getType() == TopicWriter.class) {
            return new TopicWriter(bootstrap);
        }
        if (field.getType() == TopicReader.class) {
            Reads reads = field.getAnnotation(Reads.class);
            if (reads == null) {
                throw new IllegalStateException("TopicReader field " + field.getName() + " names no topics: add @Reads");
            }
            return TopicReader.fromNow(bootstrap, reads.value());
        }
        return null;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Deque<?> opened = context.getStore(NAMESPACE).remove(OPENED, Deque.class);
        Exception failure = null;
        while (opened != null && !opened.isEmpty()) {
            try {
                ((AutoCloseable) opened.pop()).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
