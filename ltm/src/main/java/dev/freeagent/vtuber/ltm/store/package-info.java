/**
 * Memory stores over JDBC: SQLite (the default, one file under the data folder) and PostgreSQL (with pgvector
 * when the database has it, otherwise exact search). Vectors are stored as little-endian float32 bytes with
 * their model id and dimension; searches always filter by user, model and dimension.
 */
package dev.freeagent.vtuber.ltm.store;
