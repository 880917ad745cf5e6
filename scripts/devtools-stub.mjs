// Stands in for react-devtools-core, which ink imports only in development mode.
export default {initialize() {}, connectToDevTools() {}};
