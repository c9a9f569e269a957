//! Holds the layer check (`tests/layers.rs`) and nothing else: it reads the
//! app's and the core's sources as text, so it needs neither crate built.
