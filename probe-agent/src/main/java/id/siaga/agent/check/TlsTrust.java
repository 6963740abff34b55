package id.siaga.agent.check;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * TLS trust for the agent's HTTP clients: the JDK's CAs, optionally plus certificates from a PEM file, or none.
 * The JDK's CA list is loaded only at the first TLS handshake, so an agent that speaks plain http never parses
 * it (about a megabyte of memory and a noticeable share of the start-up CPU).
 */
public final class TlsTrust {

    private TlsTrust() {
    }

    /**
     * @param verify {@code false} to accept any certificate and host name (certificate dates are still read)
     * @param caFile PEM file of extra trusted certificates, or {@code null}
     * @return an SSL context for an HTTP client
     */
    public static SSLContext context(boolean verify, Path caFile) throws GeneralSecurityException, IOException {
        X509ExtendedTrustManager trust;
        if (!verify) {
            trust = new AcceptAll();
        } else if (caFile != null) {
            trust = new Either(new JdkDefault(), fromPem(caFile));
        } else {
            trust = new JdkDefault();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return context;
    }

    /**
     * @return an SSL context trusting what the JDK trusts, set up (and its CA list loaded) only at the first TLS
     *         connection
     */
    public static SSLContext jdkDefault() {
        return new LazySslContext(() -> {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new JdkDefault()}, null);
            return context;
        });
    }

    private static X509ExtendedTrustManager fromPem(Path caFile) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CertificateException(caFile + " holds no certificate");
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return first(factory);
    }

    private static X509ExtendedTrustManager first(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager available");
    }

    /** Trusts a server when either the JDK's CAs or the extra certificates do. */
    private static final class Either extends ServerOnly {
        private final X509ExtendedTrustManager primary;
        private final X509ExtendedTrustManager extra;

        Either(X509ExtendedTrustManager primary, X509ExtendedTrustManager extra) {
            this.primary = primary;
            this.extra = extra;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            try {
                primary.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                extra.checkServerTrusted(chain, authType, engine);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            try {
                primary.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                extra.checkServerTrusted(chain, authType, socket);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                primary.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                extra.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return primary.getAcceptedIssuers();
        }
    }

    /** The JDK's default trust, created on first use. */
    private static final class JdkDefault extends ServerOnly {
        private volatile X509ExtendedTrustManager delegate;

        private X509ExtendedTrustManager delegate() throws CertificateException {
            X509ExtendedTrustManager d = delegate;
            if (d == null) {
                try {
                    TrustManagerFactory factory = TrustManagerFactory.getInstance(
                            TrustManagerFactory.getDefaultAlgorithm());
                    factory.init((KeyStore) null);
                    d = first(factory);
                } catch (GeneralSecurityException e) {
                    throw new CertificateException("the JDK's trusted certificates cannot be loaded", e);
                }
                delegate = d;
            }
            return d;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate().checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return delegate().getAcceptedIssuers();
            } catch (CertificateException e) {
                return new X509Certificate[0];
            }
        }
    }

    /** Trusts every server; for {@code tlsVerify: false}. */
    private static final class AcceptAll extends ServerOnly {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** A trust manager that checks servers only; the agent never accepts client connections. */
    private abstract static class ServerOnly extends X509ExtendedTrustManager {
        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not checked");
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not checked");
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked");
        }
    }
}
