//! Requests from pages, checked for shape before anything else looks at them.
