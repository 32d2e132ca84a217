package cn.scanforhelp.console;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The console with notification-service hanging: a socket on loopback that takes connections (the kernel
 * completes them in its backlog) and never answers, as a service stuck in a long pause does.
 */
public class NotificationServiceSlowProfile implements QuarkusTestProfile {

    private static ServerSocket silent;

    public static synchronized String url() {
        try {
            if (silent == null) {
                silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            }
            return "http://127.0.0.1:" + silent.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
