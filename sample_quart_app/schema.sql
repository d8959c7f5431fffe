DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS rates;

CREATE TABLE orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sku TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    charge_id TEXT,
    reservation_id TEXT
);

CREATE TABLE rates (
    currency TEXT PRIMARY KEY,
    rate REAL NOT NULL
);
