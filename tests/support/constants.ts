// The app identity the tests and the demo run the app with. Not secrets: nothing real uses them.
export const TEST_API_KEY = "referral-loop-test-key";
export const TEST_API_SECRET = "referral-loop-test-secret";
export const TEST_SHOP = "test-shop.myshopify.com";
export const OTHER_SHOP = "other-shop.myshopify.com";
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
