"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const router = useRouter();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { username, password, redirect: false }).catch(() => null);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setPassword("");
    setError(result?.error === "AccountLocked" ? t("locked") : result ? t("invalid") : t("unavailable"));
  }

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
          <p id="login-error" role="alert" className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending || !username || !password}>
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
