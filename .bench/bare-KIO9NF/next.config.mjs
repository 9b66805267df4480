export default { poweredByHeader: false, turbopack: { root: "/work/main" } };
