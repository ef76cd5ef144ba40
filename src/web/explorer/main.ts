export {};
const root = document.getElementById("app");
if (root) root.textContent = "actorgraph explorer (under construction)";
