"""Second factors: an authenticator app (TOTP), recovery codes and passkeys (WebAuthn)."""
