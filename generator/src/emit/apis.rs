//! Operation groups (one per tag): `src/apis/<group>/mod.rs` with the group's handle and its
//! methods, and one file per operation beside it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{docs, operations};
use crate::model::{names, Api, Operation};

/// One group of operations, as named in Rust.
pub struct Group<'a> {
    /// The tag as written in the spec.
    pub tag: &'a str,
    /// Module name, e.g. `feature_flags`.
    pub module: String,
    /// Accessor on `Client`, e.g. `feature_flags`.
    pub accessor: String,
    /// Handle type, e.g. `FeatureFlagsApi`.
    pub type_name: String,
    /// Its operations, in model order.
    pub operations: Vec<&'a Operation>,
}

/// The groups of an API, in the order of their first operation (operations are sorted by group).
pub fn groups(api: &Api) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = Vec::new();
    for op in &api.operations {
        match groups.last_mut() {
            Some(group) if group.tag == op.group => group.operations.push(op),
            _ => groups.push(Group {
                tag: &op.group,
                module: op.group_rust.clone(),
                accessor: op.group_rust.clone(),
                type_name: format!("{}Api", names::type_name(&op.group_rust)),
                operations: vec![op],
            }),
        }
    }
    groups
}

/// `src/apis/mod.rs`
pub fn apis_mod(groups: &[Group<'_>]) -> TokenStream {
    let modules = groups.iter().map(|g| {
        let module = format_ident!("{}", g.module);
        let doc = docs::doc_lines(&format!("Operations tagged `{}`.", g.tag));
        quote! { #doc pub mod #module; }
    });
    quote! {
        //! The API's operations, one module per tag.
        #(#modules)*
    }
}

/// `src/apis/<group>/mod.rs`: the handle, its methods, and the operation modules.
pub fn group_mod(group: &Group<'_>) -> TokenStream {
    let ty = format_ident!("{}", group.type_name);
    let modules = group
        .operations
        .iter()
        .map(|op| format_ident!("{}", op.rust_name));
    let methods = group
        .operations
        .iter()
        .map(|op| operations::group_method(op));
    let module_doc = format!(" Operations tagged `{}`.", group.tag);
    let doc = docs::doc_lines(&format!(
        "The operations tagged `{}`; get it with `Client::{}()`.",
        group.tag, group.accessor
    ));
    quote! {
        #![doc = #module_doc]
        #( mod #modules; pub use #modules::*; )*

        #doc
        #[derive(Debug, Clone, Copy)]
        pub struct #ty<'a> {
            client: &'a crate::Client,
        }

        impl<'a> #ty<'a> {
            /// The handle for `client`.
            pub(crate) fn new(client: &'a crate::Client) -> Self {
                Self { client }
            }

            #(#methods)*
        }
    }
}
