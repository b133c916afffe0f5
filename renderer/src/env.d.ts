// Vite's ambient types: CSS imports and import.meta.env for the renderer.
/// <reference types="vite/client" />
