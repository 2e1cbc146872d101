/** The form of a UUID, as the database generates them: checked before any query on an id from a URL or a form. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Largest value of a PostgreSQL `integer` column (organisation ids, version
 * counters): every schema reading one bounds it, so that `organisationId=99999999999`
 * is a field error, not a database error (a 500 whose log holds the query).
 */
export const PG_INTEGER_MAX = 2_147_483_647;
