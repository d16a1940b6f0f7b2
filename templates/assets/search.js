// The search page. Entity names and aliases (Hindi and English) and article titles are
// searched in the fallback index the build always writes, data/search/: scripts, so that
// they load from file:// too. A large index is cut into shards by the first two characters
// of each word, and a query loads only the shard of its first word (see SearchShards.swift). When the site was indexed with Pagefind (public/pagefind/) and is served
// over HTTP, the articles' and entity pages' full text is searched as well.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var out = document.getElementById("search-results");
  var manifest = window.dossierSearch || { shards: 1, key: 2, path: "data/search/shard-", capped: [] };
  var shards = {};
  var waiting = {};
  var kinds = { person: "person", country: "country", org: "organisation", meeting: "meeting", place: "place" };
  var run = 0;
  var timer = 0;

  // Pagefind on the main thread: its index loads in small chunks, so search stays quick,
  // and it works where a worker cannot start (headless browsers, as in the tests).
  var pagefind = location.protocol === "file:" ? Promise.resolve(null) :
    import(new URL(root + "pagefind/pagefind.js", location.href).href).then(function (module) {
      return Promise.resolve(module.options({ baseUrl: new URL(root, location.href).pathname, noWorker: true })).then(function () { return module; });
    }).catch(function () { return null; });

  function norm(text) { return String(text || "").normalize("NFC").toLowerCase().trim(); }

  // The shards call this as they load.
  window.dossierSearchShard = function (number, rows) {
    shards[number] = rows;
    (waiting[number] || []).forEach(function (done) { done(rows); });
    delete waiting[number];
  };

  // FNV-1a (32 bits) of the key's UTF-8, as the build computes it.
  function bucket(key) {
    var bytes = new TextEncoder().encode(key);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash % manifest.shards;
  }

  // The shard a query needs ({shard: -1} when it is too short to choose one): that of the
  // first of its words whose key kept all its titles, or else of its first word.
  function shardFor(query) {
    if (manifest.shards === 1) return { shard: 0, complete: true };
    var keys = query.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).map(function (word) {
      return Array.from(word).slice(0, manifest.key).join("");
    }).filter(function (key) { return Array.from(key).length === manifest.key; });
    if (!keys.length) return { shard: -1 };
    var whole = keys.filter(function (key) { return manifest.capped.indexOf(key) < 0; });
    return { shard: bucket(whole.length ? whole[0] : keys[0]), complete: whole.length > 0 };
  }

  function load(number) {
    return new Promise(function (resolve, reject) {
      if (shards[number]) return resolve(shards[number]);
      if (waiting[number]) return waiting[number].push(resolve);
      waiting[number] = [resolve];
      var script = document.createElement("script");
      script.src = root + manifest.path + ("000" + number).slice(-Math.max(4, String(number).length)) + ".js";
      script.onerror = function () { delete waiting[number]; reject(new Error("no shard " + number)); };
      document.head.appendChild(script);
    });
  }

  // 3: a name is the query; 2: starts with it; 1: contains it.
  function score(query, names) {
    var best = 0;
    names.forEach(function (name) {
      var text = norm(name);
      var at = text.indexOf(query);
      if (at < 0) return;
      best = Math.max(best, text === query ? 3 : at === 0 ? 2 : 1);
    });
    return best;
  }

  function searchIndex(index, query) {
    var entities = [];
    index.entities.forEach(function (row) {
      var value = score(query, [row[1]].concat(row[2]));
      if (value) entities.push({ value: value, row: row });
    });
    entities.sort(function (a, b) {
      return b.value - a.value || b.row[5] - a.row[5] || (a.row[1] < b.row[1] ? -1 : a.row[1] > b.row[1] ? 1 : 0);
    });
    var articles = index.articles.filter(function (row) { return norm(row[0]).indexOf(query) >= 0; });
    return { entities: entities.slice(0, 60).map(function (item) { return item.row; }), articles: articles.slice(0, 60) };
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var node = element("a", "", text);
    node.href = href;
    return node;
  }

  // Pagefind's excerpt is escaped text with <mark>s: keep exactly that, as text and marks.
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var paragraph = element("p", "search-excerpt");
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      paragraph.appendChild(node.nodeName === "MARK" ? element("mark", "", node.textContent) : document.createTextNode(node.textContent));
    });
    return paragraph;
  }

  function section(title, items) {
    var wrapper = element("section", "search-section");
    wrapper.appendChild(element("h2", "", title));
    var list = element("ul", "search-list");
    items.forEach(function (item) { list.appendChild(item); });
    wrapper.appendChild(list);
    out.appendChild(wrapper);
  }

  function entityItem(row) {
    var item = element("li", "entity-" + row[0]);
    var anchor = link(root + row[4], row[1]);
    anchor.className = "chip chip-" + row[0];
    item.appendChild(anchor);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(element("span", "kind", kinds[row[0]] || row[0]));
    var others = row[2].filter(function (alias) { return alias !== row[1]; }).slice(0, 5);
    if (others.length) {
      var native = element("span", "native", " " + others.join(", "));
      native.lang = "hi";
      item.appendChild(native);
    }
    if (row[3]) item.appendChild(element("p", "description", row[3]));
    return item;
  }

  function articleItem(row) {
    var item = element("li", "");
    item.appendChild(link(root + row[3], row[0]));
    item.appendChild(element("span", "meta", " " + row[1] + (row[2] ? " · " + row[2] : "")));
    return item;
  }

  function search(text) {
    var query = norm(text);
    var mine = ++run;
    out.textContent = "";
    if (!query) { status.textContent = ""; return; }
    var choice = shardFor(query);
    var names = choice.shard < 0 ? Promise.resolve(null) : load(choice.shard);
    names.then(function (index) {
      if (mine !== run) return;
      if (!index) {
        status.textContent = "Type two letters or more to search names and titles.";
        return;
      }
      var found = searchIndex(index, query);
      if (found.entities.length) section("People, countries, organisations, meetings, places", found.entities.map(entityItem));
      if (found.articles.length) section("Articles by title", found.articles.map(articleItem));
      status.textContent = found.entities.length + " entities and " + found.articles.length + " article titles match" +
        (choice.complete ? "." : " (titles: among the newest " + manifest.keyArticles + " with these words).");
    }, function () {
      if (mine === run) status.textContent = "The names index could not be loaded.";
    }).then(function () { return mine === run ? pagefind : null; }).then(function (module) {
      if (!module || mine !== run) {
        if (!module && mine === run) status.textContent += " Full-text search is not available here (names and titles only).";
        return null;
      }
      return module.search(text).then(function (result) {
        return Promise.all(result.results.slice(0, 30).map(function (hit) { return hit.data(); }));
      }).then(function (pages) {
        if (mine !== run) return;
        status.textContent += " Full text: " + pages.length + " pages.";
        if (!pages.length) return;
        section("Full text", pages.map(function (page) {
          var item = element("li", "");
          item.appendChild(link(page.url, (page.meta && page.meta.title) || page.url));
          item.appendChild(excerpt(page.excerpt || ""));
          return item;
        }));
      });
    }).catch(function () {
      if (mine === run) status.textContent += " Full-text search failed.";
    });
  }

  function fromAddress() {
    var query = new URLSearchParams(location.search).get("q") || "";
    input.value = query;
    search(query);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var address = new URL(location.href);
    address.searchParams.set("q", input.value);
    try { history.replaceState(null, "", address.href); } catch (error) { /* file:// may refuse */ }
    search(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 150);
  });
  fromAddress();
})();
