//! A verified TLS client that trusts one given set of roots (plus the user's `--ca-file`)
//! and nothing from the OS store: the public-roots handshake of the interception check.
//!
//! Where native-tls is OpenSSL, this context is built with OpenSSL directly. native-tls
//! cannot leave the OS store out: every configuration it builds first has OpenSSL parse the
//! whole OS bundle (twice: the default paths, then the probed file), tens of milliseconds of
//! CPU on OpenSSL 3, even when the roots are then replaced. Built here from roots parsed
//! once, it costs a few milliseconds. The settings are native-tls's own (those of OpenSSL's
//! `SslConnector`, TLS 1.2 and up, host name checked), and a failure reads as native-tls
//! words it, so the two handshakes classify alike. Elsewhere it is native-tls with its
//! built-in roots turned off.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};

use super::{classify_message, error_message, tls_domain, HandshakeError, HandshakeKind, Trust};

#[cfg(any(target_os = "windows", target_vendor = "apple"))]
pub use self::native_impl::{RootSet, RootsOnly, RootsOnlyStream};
#[cfg(not(any(target_os = "windows", target_vendor = "apple")))]
pub(super) use self::openssl_impl::client_context;
#[cfg(not(any(target_os = "windows", target_vendor = "apple")))]
pub use self::openssl_impl::{RootSet, RootsOnly, RootsOnlyStream};

/// The failure of building a configuration.
fn build_failed(e: &(dyn std::error::Error + 'static)) -> HandshakeError {
    HandshakeError {
        kind: HandshakeKind::Other,
        message: error_message(e),
    }
}

fn timed_out(timeout: Duration) -> HandshakeError {
    HandshakeError {
        kind: HandshakeKind::Timeout,
        message: format!("no TLS handshake within {timeout:?}"),
    }
}

fn failed(e: &(dyn std::error::Error + 'static)) -> HandshakeError {
    let message = error_message(e);
    HandshakeError {
        kind: classify_message(&message),
        message,
    }
}

#[cfg(not(any(target_os = "windows", target_vendor = "apple")))]
mod openssl_impl {
    use std::fmt;
    use std::pin::Pin;

    use openssl::ssl::{
        self, Ssl, SslContext, SslContextBuilder, SslMethod, SslMode, SslOptions, SslVerifyMode,
        SslVersion,
    };
    use openssl::x509::store::X509StoreBuilder;
    use openssl::x509::verify::X509CheckFlags;
    use openssl::x509::{X509VerifyResult, X509};

    use super::{
        build_failed, failed, timed_out, tls_domain, Arc, AsyncRead, AsyncWrite, Duration,
        HandshakeError, Trust,
    };

    /// Roots parsed once (DER to OpenSSL's form is the costly part); a cheap clone.
    #[derive(Clone)]
    pub struct RootSet(Arc<[X509]>);

    impl RootSet {
        /// The roots in `ders`; one OpenSSL cannot read is left out (it could only fail).
        pub fn from_der<'a>(ders: impl IntoIterator<Item = &'a [u8]>) -> RootSet {
            RootSet(
                ders.into_iter()
                    .filter_map(|der| X509::from_der(der).ok())
                    .collect(),
            )
        }

        pub fn len(&self) -> usize {
            self.0.len()
        }

        pub fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }

    /// The client configuration: a cheap clone.
    #[derive(Clone)]
    pub struct RootsOnly {
        context: SslContext,
    }

    pub type RootsOnlyStream<S> = tokio_openssl::SslStream<S>;

    impl RootsOnly {
        /// Trusts `roots` and `user`'s `--ca-file` roots (not the OS store `user` also names).
        pub fn build(roots: &RootSet, user: &Trust) -> Result<RootsOnly, HandshakeError> {
            let fail = |e: openssl::error::ErrorStack| build_failed(&e);
            let mut store = X509StoreBuilder::new().map_err(fail)?;
            // As native-tls: a root the store refuses (a duplicate) is skipped.
            for root in roots.0.iter() {
                let _ = store.add_cert(root.clone());
            }
            for root in &user.extra_roots {
                let der = root.to_der().map_err(|e| build_failed(&e))?;
                let _ = store.add_cert(X509::from_der(&der).map_err(fail)?);
            }
            let mut builder = client_context(SslMethod::tls()).map_err(fail)?;
            builder.set_cert_store(store.build());
            builder.set_verify(SslVerifyMode::PEER);
            // native-tls's default range: TLS 1.2 and up, no maximum.
            builder
                .set_min_proto_version(Some(SslVersion::TLS1_2))
                .map_err(fail)?;
            builder.set_max_proto_version(None).map_err(fail)?;
            Ok(RootsOnly {
                context: builder.build(),
            })
        }

        /// A handshake over `stream` for `host` (SNI, chain and name checked), bounded by
        /// `timeout`.
        pub async fn handshake<S>(
            &self,
            stream: S,
            host: &str,
            timeout: Duration,
        ) -> Result<RootsOnlyStream<S>, HandshakeError>
        where
            S: AsyncRead + AsyncWrite + Unpin,
        {
            let domain = tls_domain(host);
            let ssl = verifying_ssl(&self.context, domain).map_err(|e| build_failed(&e))?;
            let mut tls = tokio_openssl::SslStream::new(ssl, stream).map_err(|e| failed(&e))?;
            match tokio::time::timeout(timeout, Pin::new(&mut tls).connect()).await {
                Err(_) => Err(timed_out(timeout)),
                Ok(Err(error)) => {
                    let verify = tls.ssl().verify_result();
                    Err(failed(&AsNativeTls { error, verify }))
                }
                Ok(Ok(())) => Ok(tls),
            }
        }
    }

    /// What OpenSSL's `SslConnector::builder` sets (options, modes, ciphers), without
    /// loading the OS store: the caller sets the verification and the roots, if any.
    pub(in crate::checks::tls) fn client_context(
        method: SslMethod,
    ) -> Result<SslContextBuilder, openssl::error::ErrorStack> {
        let mut builder = SslContextBuilder::new(method)?;
        let mut options = SslOptions::ALL
            | SslOptions::NO_COMPRESSION
            | SslOptions::NO_SSLV2
            | SslOptions::NO_SSLV3
            | SslOptions::SINGLE_DH_USE
            | SslOptions::SINGLE_ECDH_USE;
        options &= !SslOptions::DONT_INSERT_EMPTY_FRAGMENTS;
        builder.set_options(options);
        builder.set_mode(
            SslMode::AUTO_RETRY
                | SslMode::ACCEPT_MOVING_WRITE_BUFFER
                | SslMode::ENABLE_PARTIAL_WRITE
                | SslMode::RELEASE_BUFFERS,
        );
        builder.set_cipher_list(
            "DEFAULT:!aNULL:!eNULL:!MD5:!3DES:!DES:!RC4:!IDEA:!SEED:!aDSS:!SRP:!PSK",
        )?;
        Ok(builder)
    }

    /// One connection's state, as `SslConnector::configure` makes it: SNI unless the name
    /// is an address, the name (or address) checked against the certificate.
    fn verifying_ssl(
        context: &SslContext,
        domain: &str,
    ) -> Result<Ssl, openssl::error::ErrorStack> {
        let mut ssl = Ssl::new(context)?;
        let ip = domain.parse::<std::net::IpAddr>();
        if ip.is_err() {
            ssl.set_hostname(domain)?;
        }
        let param = ssl.param_mut();
        param.set_hostflags(X509CheckFlags::NO_PARTIAL_WILDCARDS);
        match ip {
            Ok(ip) => param.set_ip(ip)?,
            Err(_) => param.set_host(domain)?,
        }
        Ok(ssl)
    }

    /// A failed handshake as native-tls words it (the verification result in brackets), so
    /// that its message and classification match the main session's.
    #[derive(Debug)]
    struct AsNativeTls {
        error: ssl::Error,
        verify: X509VerifyResult,
    }

    impl fmt::Display for AsNativeTls {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if self.verify == X509VerifyResult::OK {
                write!(f, "{}", self.error)
            } else {
                write!(f, "{} ({})", self.error, self.verify)
            }
        }
    }

    impl std::error::Error for AsNativeTls {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            std::error::Error::source(&self.error)
        }
    }
}

#[cfg(any(target_os = "windows", target_vendor = "apple"))]
mod native_impl {
    use super::{build_failed, Arc, AsyncRead, AsyncWrite, Duration, HandshakeError, Trust};

    /// Roots parsed once; a cheap clone.
    #[derive(Clone)]
    pub struct RootSet(Arc<[native_tls::Certificate]>);

    impl RootSet {
        /// The roots in `ders`; one the system cannot read is left out (it could only fail).
        pub fn from_der<'a>(ders: impl IntoIterator<Item = &'a [u8]>) -> RootSet {
            RootSet(
                ders.into_iter()
                    .filter_map(|der| native_tls::Certificate::from_der(der).ok())
                    .collect(),
            )
        }

        pub fn len(&self) -> usize {
            self.0.len()
        }

        pub fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }

    /// The client configuration: a cheap clone.
    #[derive(Clone)]
    pub struct RootsOnly {
        connector: native_tls::TlsConnector,
    }

    pub type RootsOnlyStream<S> = super::super::TlsStream<S>;

    impl RootsOnly {
        /// Trusts `roots` and `user`'s `--ca-file` roots (not the OS store `user` also names).
        pub fn build(roots: &RootSet, user: &Trust) -> Result<RootsOnly, HandshakeError> {
            let mut builder = native_tls::TlsConnector::builder();
            builder.use_sni(true);
            builder.disable_built_in_roots(true);
            for root in roots.0.iter().chain(&user.extra_roots) {
                builder.add_root_certificate(root.clone());
            }
            let connector = builder.build().map_err(|e| build_failed(&e))?;
            Ok(RootsOnly { connector })
        }

        /// A handshake over `stream` for `host` (SNI, chain and name checked), bounded by
        /// `timeout`.
        pub async fn handshake<S>(
            &self,
            stream: S,
            host: &str,
            timeout: Duration,
        ) -> Result<RootsOnlyStream<S>, HandshakeError>
        where
            S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
        {
            super::super::handshake_with(&self.connector, stream, host, timeout).await
        }
    }
}
