//! Recognizer tests (see entities/tests.rs rows).
