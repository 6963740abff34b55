package id.siaga.agent.check;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * An SSL context that makes the real one at the first TLS connection. The agent's standard {@link WebClient} is
 * built at start, and setting up an SSL context loads a few hundred TLS classes; an agent that speaks only plain
 * http (the service on its own network, local checks) so never loads them. Its default parameters leave cipher
 * suites and protocols unset, so each connection gets the real context's defaults.
 */
final class LazySslContext extends SSLContext {

    /** Makes the real SSL context. */
    @FunctionalInterface
    interface Factory {
        SSLContext create() throws GeneralSecurityException;
    }

    LazySslContext(Factory factory) {
        super(new Spi(factory), null, "TLS");
    }

    private static final class Spi extends SSLContextSpi {
        private final Factory factory;
        private volatile SSLContext delegate;

        Spi(Factory factory) {
            this.factory = factory;
        }

        private SSLContext delegate() {
            SSLContext d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        try {
                            d = factory.create();
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException("TLS is not available in this Java runtime", e);
                        }
                        delegate = d;
                    }
                }
            }
            return d;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            throw new UnsupportedOperationException("made by its factory");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return delegate().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return delegate().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate == null ? new SSLParameters() : delegate.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate().getSupportedSSLParameters();
        }
    }
}
