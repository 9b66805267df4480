"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { decodeSignInError, waitInWords, type SignInError } from "@/lib/auth/sign-in-errors";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const router = useRouter();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);
  // When the server said to wait: the moment the next try may go, and the seconds left until then.
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);

  useEffect(() => {
    if (retryAt === null) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) setRetryAt(null);
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { username, password, redirect: false }).catch(() => null);
    if (result?.ok && !result.error) {
      router.replace(safeCallbackPath(callbackUrl));
      router.refresh();
      return;
    }
    const refused = result ? decodeSignInError(result.error) : { code: "unavailable" as const, retryAfterSeconds: 0 };
    setPending(false);
    setPassword("");
    setError(refused);
    if (refused.retryAfterSeconds > 0) setRetryAt(Date.now() + refused.retryAfterSeconds * 1000);
  }

  const waiting = retryAt !== null && secondsLeft > 0;
  // Said once, in the alert, as the server gave it; the button counts down (not read out every second).
  const told = error && error.retryAfterSeconds > 0 ? waitInWords(error.retryAfterSeconds) : null;
  const message = error && (error.code === "throttled" ? t("throttled") : error.code === "invalid" ? t("invalid") : t("unavailable"));

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="label">
          {t("username")}
        </label>
        <input
          id="username"
          name="username"
          className="input"
          autoComplete="username"
          autoCapitalize="none"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "login-error" : undefined}
        />
      </div>
      <div>
        <label htmlFor="password" className="label">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          className="input"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "login-error" : undefined}
        />
      </div>
      <div aria-live="polite" className="min-h-5">
        {error && (
          <div id="login-error" role="alert" className="field-error space-y-1">
            <p>{message}</p>
            {told && <p data-testid="login-wait">{t("retryIn", told)}</p>}
            {told?.unit === "minutes" && <p>{t("askAdmin")}</p>}
          </div>
        )}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending || waiting || !username || !password}>
        {pending ? t("signingIn") : waiting ? t("waitButton", waitInWords(secondsLeft)) : t("submit")}
      </button>
    </form>
  );
}
