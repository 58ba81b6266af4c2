//! The `{"units":[…]}` shape of `tm list` and `tm review --format json`:
//! each unit with its stored fields.

use serde::Serialize;

use crate::memory::Unit;

/// Units with their stored fields.
#[derive(Debug, Serialize)]
pub struct UnitsJson<'a> {
    /// The units, in stored order.
    pub units: Vec<&'a Unit>,
}
