// A browser test opens real pages of the H5 build; give each test (and beforeAll) two minutes.
jest.setTimeout(120_000)
