"""Late arrivals: seating someone who arrives after the shuffle into an existing pair as its third member, or as
an observer who sees only what is public, without moving anyone already placed."""
