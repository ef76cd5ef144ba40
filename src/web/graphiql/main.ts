export {};
const root = document.getElementById("graphiql");
if (root) root.textContent = "actorgraph GraphiQL (under construction)";
