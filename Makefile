# Install attune in one command:
#
#   make install                   # into /usr/local (bin, completions, man page)
#   make install PREFIX=~/.local   # without root; put ~/.local/bin on the PATH
#   make install STATIC=1          # the Swift standard library linked in (see README)
#   make uninstall PREFIX=...
#
# Completions come from `attune --generate-completion-script` and the man page from
# swift-argument-parser's generate-manual plugin, both from the built binary, so they
# always describe the options it has. Nothing here reaches the network.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
SWIFT ?= swift
SCRATCH ?= .build
STATIC ?=

BUILD_FLAGS = -c release --product attune --scratch-path $(SCRATCH) $(if $(STATIC),--static-swift-stdlib)
BIN = $(SCRATCH)/release/attune
GENERATED = $(SCRATCH)/install

.PHONY: all build completions man install uninstall
all: build

build:
	$(SWIFT) build $(BUILD_FLAGS)

completions: build
	mkdir -p $(GENERATED)
	$(BIN) --generate-completion-script bash > $(GENERATED)/attune.bash
	$(BIN) --generate-completion-script zsh > $(GENERATED)/_attune
	$(BIN) --generate-completion-script fish > $(GENERATED)/attune.fish

# The plugin builds the package in release (without STATIC's flag: `install` builds
# again after it) and writes the page into its own work folder.
man:
	mkdir -p $(GENERATED)
	$(SWIFT) package --scratch-path $(SCRATCH) plugin generate-manual
	cp $(SCRATCH)/plugins/GenerateManual/outputs/attune/attune.1 $(GENERATED)/attune.1

# In this order, also under -j: the man page's build first, then the one installed.
.NOTPARALLEL:
install: man build completions
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DATADIR)/bash-completion/completions $(DESTDIR)$(DATADIR)/zsh/site-functions \
		$(DESTDIR)$(DATADIR)/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/attune
	install -m 644 $(GENERATED)/attune.bash $(DESTDIR)$(DATADIR)/bash-completion/completions/attune
	install -m 644 $(GENERATED)/_attune $(DESTDIR)$(DATADIR)/zsh/site-functions/_attune
	install -m 644 $(GENERATED)/attune.fish $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/attune.fish
	install -m 644 $(GENERATED)/attune.1 $(DESTDIR)$(MANDIR)/man1/attune.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/attune $(DESTDIR)$(MANDIR)/man1/attune.1 \
		$(DESTDIR)$(DATADIR)/bash-completion/completions/attune \
		$(DESTDIR)$(DATADIR)/zsh/site-functions/_attune \
		$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/attune.fish
