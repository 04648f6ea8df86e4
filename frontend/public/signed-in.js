// Tells the board tabs of this browser that the sign-in is back, then closes this popup if a board opened it.
(function () {
  if (typeof BroadcastChannel !== "undefined") {
    var channel = new BroadcastChannel("mockboard-signed-in");
    channel.postMessage("signed-in");
    channel.close();
  }
  if (window.opener && window.name === "mockboard-sign-in") {
    window.setTimeout(function () { window.close(); }, 600);
  }
})();
