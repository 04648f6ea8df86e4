import type { Peer } from "./protocol";

/** Who else is on the board and who this page is, as the welcome and `peer-joined`/`peer-left` tell it. */
export class PeerList {
  private self: Peer | null = null;
  private readonly others = new Map<string, Peer>();

  constructor(private readonly changed: (you: Peer | null, peers: Peer[]) => void) {}

  get you(): Peer | null {
    return this.self;
  }

  welcome(you: Peer, peers: Peer[]): void {
    this.self = you;
    this.others.clear();
    for (const peer of peers) this.others.set(peer.sessionId, peer);
    this.announce();
  }

  joined(peer: Peer): void {
    this.others.set(peer.sessionId, peer);
    this.announce();
  }

  left(sessionId: string): void {
    this.others.delete(sessionId);
    this.announce();
  }

  private announce(): void {
    this.changed(this.self, [...this.others.values()]);
  }
}
