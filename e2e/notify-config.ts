// Where a server sends its notifications in the browser tests (playwright.config.ts sets it; e2e/notify.spec.ts
// listens there): an SMTP server and a robot receiver on ports of each server's own, so the two databases' runs
// never mix. The scheduler loop is off in the tests: the spec drives it through /api/test/notify.
export const notifyPorts = (serverPort: number) => ({ smtp: serverPort + 20, robot: serverPort + 30 });
export const DINGTALK_TEST_SECRET = "SECe2e-dingtalk-secret-0123456789";

export const notifyEnv = (port: number) => ({
  DUBAN_SCHEDULER_SECONDS: "0",
  DUBAN_SMTP_URL: `smtp://127.0.0.1:${notifyPorts(port).smtp}`,
  DUBAN_MAIL_FROM: "督办测试 <duban@e2e.test>",
  DUBAN_DINGTALK_WEBHOOK: `http://127.0.0.1:${notifyPorts(port).robot}/dingtalk/robot/send?access_token=e2e`,
  DUBAN_DINGTALK_SECRET: DINGTALK_TEST_SECRET,
});
